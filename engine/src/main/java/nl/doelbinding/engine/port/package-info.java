/** Ports the engine owns and the server implements: residents, keys, stores. */
package nl.doelbinding.engine.port;
