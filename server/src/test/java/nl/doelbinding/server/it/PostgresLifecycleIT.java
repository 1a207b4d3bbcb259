package nl.doelbinding.server.it;

import nl.doelbinding.server.app.ServerConfig;

/** The ruleset lifecycle end to end on the local PostgreSQL, in a database of its own created anew per run. */
class PostgresLifecycleIT extends LifecycleContract {
    @Override
    void useDatabase(ServerConfig config) {
        new PostgresServerIT().useDatabase(config, "doelbinding_it_lifecycle");
    }
}
