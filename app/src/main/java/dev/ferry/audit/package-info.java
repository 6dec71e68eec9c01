/** The app's own audit log: who did what to which organization's integration, and when. */
package dev.ferry.audit;
