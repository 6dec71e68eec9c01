/** What an operator scrapes: backlog gauges read from the database on scrape, and counters recorded where things happen. */
package dev.ferry.metrics;
