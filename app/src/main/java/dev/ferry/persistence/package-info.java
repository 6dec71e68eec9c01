/** Database settings shared by every capability: repository naming, and H2 commits written before they return. */
package dev.ferry.persistence;
