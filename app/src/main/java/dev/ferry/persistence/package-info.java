/** Database settings shared by every capability's repositories. */
package dev.ferry.persistence;
