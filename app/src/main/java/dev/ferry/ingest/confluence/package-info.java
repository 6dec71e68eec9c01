/** Confluence's side of activity ingest: pages created and updated, page comments made and edited. */
package dev.ferry.ingest.confluence;
