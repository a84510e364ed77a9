import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Minimal standalone Neo4j Community server for kg-explorer's tests and
 * benchmarks, started by scripts/neo4j-server.
 *
 * Usage: KgNeo4jServer HOME_DIR CONF_FILE PASSWORD_FILE READY_FILE
 *
 * - Builds an embedded DBMS rooted at HOME_DIR with the settings in CONF_FILE
 *   (neo4j.conf syntax: Bolt connector, auth, import dir, memory, ...).
 * - Sets the password of the built-in user "neo4j" to the content of
 *   PASSWORD_FILE (CHANGE NOT REQUIRED), through the system database.
 * - Writes "BOLT_PORT=<port>" to READY_FILE once the DBMS, the database
 *   "neo4j" and the Bolt connector are up (the conf may ask for port 0).
 * - Runs until the JVM is asked to stop (SIGTERM/SIGINT); a shutdown hook
 *   shuts the DBMS down cleanly.
 */
public final class KgNeo4jServer {
    private static volatile DatabaseManagementService dbms;

    private static void log(String msg) {
        System.out.println("[kg-neo4j] " + msg);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: KgNeo4jServer HOME_DIR CONF_FILE PASSWORD_FILE READY_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
        Path ready = Path.of(args[3]).toAbsolutePath();

        long t0 = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            log("starting DBMS in " + home + " with " + conf);
            dbms = new DatabaseManagementServiceBuilder(home)
                    .loadPropertiesFromFile(conf)
                    .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log("shutdown requested, stopping DBMS");
                try {
                    dbms.shutdown();
                    log("DBMS stopped");
                } catch (Throwable t) {
                    t.printStackTrace(System.out);
                } finally {
                    stopped.countDown();
                }
            }, "kg-neo4j-shutdown"));
            awaitReady(dbms, password, ready, t0);
        } catch (Throwable t) {
            log("startup failed: " + t);
            t.printStackTrace(System.out);
            // Neo4j's non-daemon threads would keep the JVM alive: exit
            // explicitly (runs the shutdown hook if the DBMS was built).
            System.exit(1);
        }
        stopped.await();
    }

    private static void awaitReady(DatabaseManagementService dbms, String password, Path ready, long t0)
            throws Exception {
        GraphDatabaseService system = dbms.database("system");
        system.executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));

        GraphDatabaseService db = dbms.database("neo4j");
        if (!db.isAvailable(120_000)) {
            throw new IllegalStateException("database 'neo4j' did not become available");
        }
        var bolt = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (bolt == null) {
            throw new IllegalStateException("Bolt connector is not listening (server.bolt.enabled?)");
        }

        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, "BOLT_PORT=" + bolt.getPort() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log(String.format("ready: bolt on %s:%d after %.1f s",
                bolt.getHost(), bolt.getPort(), (System.nanoTime() - t0) / 1e9));
    }
}
