-- The table of the README's "Use it alone" example (plain.StandaloneTest).
CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
