/** Object state and comments from the product, written once as a comment on every ticket linked to the object. */
package dev.ferry.objectstate;
