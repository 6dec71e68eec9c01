/**
 * The ingest engine: scheduled runs and fetches for a date range as durable jobs, claimed by any node, read
 * stream by stream and page by page, each page committed with the cursor after it; their API and console page.
 */
package dev.ferry.ingest.job;
