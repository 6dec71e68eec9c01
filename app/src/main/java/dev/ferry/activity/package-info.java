/** Reading stored activity: the list, its export, per-person summaries, and why a range shows nothing. */
package dev.ferry.activity;
