package nl.doelbinding.server.it;

import nl.doelbinding.server.app.ServerConfig;

/** The server end to end on its embedded H2 file database in the (temporary) data folder. */
class H2ServerIT extends ServerContract {
    @Override
    void useDatabase(ServerConfig config) {
        config.database.url = null;
    }
}
