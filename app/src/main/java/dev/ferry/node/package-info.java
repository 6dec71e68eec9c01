/**
 * Who this node is among several on one database: its name (in logs and job runs) and its role — all, web (serves
 * HTTP, runs no workers or jobs) or worker (runs workers and jobs, answers only health over HTTP).
 */
package dev.ferry.node;
