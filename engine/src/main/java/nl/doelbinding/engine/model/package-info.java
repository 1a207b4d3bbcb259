/**
 * The law-facing domain model: requests, requesters, purposes, instruments, fields, outcomes and decisions.
 * It knows nothing of the rule engine, transports or storage.
 */
package nl.doelbinding.engine.model;
