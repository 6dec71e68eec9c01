/** The admin UI's shell: layout, navigation and static assets that other packages' pages sit in. */
package dev.ferry.console;
