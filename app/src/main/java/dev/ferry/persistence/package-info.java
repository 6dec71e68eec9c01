/** The database as every capability sees it: JDBC settings, the pool, its health, and outages told apart and waited out. */
package dev.ferry.persistence;
