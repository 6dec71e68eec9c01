/** The local demo: starts Ferry and a simulated Jira site, plays a few minutes of Jira, prints what to open. */
package dev.ferry.simulator.demo;
