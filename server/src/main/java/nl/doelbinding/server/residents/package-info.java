/**
 * The resident register: the JDBC adapter of the engine's {@code ResidentDirectory} port, its table
 * mapping, and a deterministic synthetic register for the embedded default database.
 */
package nl.doelbinding.server.residents;
