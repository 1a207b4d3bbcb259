package nl.doelbinding.server.it;

import nl.doelbinding.server.app.ServerConfig;

/** The ruleset lifecycle end to end on the embedded H2 database. */
class H2LifecycleIT extends LifecycleContract {
    @Override
    void useDatabase(ServerConfig config) {
        config.database.url = null;
    }
}
