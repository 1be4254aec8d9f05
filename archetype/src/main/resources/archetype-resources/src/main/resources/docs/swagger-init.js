// Kept out of index.html so that the page's Content-Security-Policy can forbid inline scripts.
window.ui = SwaggerUIBundle({
  url: "openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true
});
