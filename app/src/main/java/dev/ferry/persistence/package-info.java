/** The database as every capability sees it: JDBC settings, durable H2 commits, the pool, its health, and outages told apart and waited out. */
package dev.ferry.persistence;
