-- Limits the product API documents must fit the columns they land in. An event may carry 100 variables
-- of 10,000 characters: as JSON that is over 1,000,000 characters, so the old 100,000 failed such events
-- with a database error (Ferry now also checks the stored JSON against this size). A catalog event type
-- may name as many variables as an event may carry (100 names of up to 65 characters).
alter table product_event alter column variables set data type varchar(2000000);
alter table event_type alter column variables set data type varchar(8000);
