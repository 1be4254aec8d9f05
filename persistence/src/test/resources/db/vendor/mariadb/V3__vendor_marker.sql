-- Only on mariadb: proves that db/vendor/{vendor} is resolved to this folder.
CREATE TABLE vendor_marker (vendor VARCHAR(20) NOT NULL);
INSERT INTO vendor_marker (vendor) VALUES ('mariadb');
