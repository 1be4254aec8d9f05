-- POST /login with the benchmark user's right password: every request costs one bcrypt check.
dofile("statuses.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@example.com","password":"correct horse battery staple"}'
