/** Test tickets: filing one from a destination's rule with sample values, and deleting it again. */
package dev.ferry.testticket;
