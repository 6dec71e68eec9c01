/** The admin UI's shell: layout, navigation, static assets and the home page that other packages' pages sit in. */
package dev.ferry.console;
