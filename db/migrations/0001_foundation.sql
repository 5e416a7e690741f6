-- placeholder, replaced by the schema
SELECT 1;
