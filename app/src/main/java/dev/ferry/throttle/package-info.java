/** Request limits shared by every node: fixed-window counters kept in the database, taken in chunks. */
package dev.ferry.throttle;
