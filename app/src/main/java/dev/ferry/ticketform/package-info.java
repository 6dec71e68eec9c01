/** The console's "Create Jira ticket" form: a person files a ticket by hand for one of the product's objects. */
package dev.ferry.ticketform;
