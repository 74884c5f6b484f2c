package org.oihkb.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback in one SQLite file: it survives a restart, and an informaticist can open it with any SQLite
 * tool. One connection, used under a lock: feedback is rare next to hook calls.
 */
public final class SqliteFeedbackStore implements FeedbackStore {

    private final Connection connection;
    private final Object lock = new Object();

    /**
     * Opens or creates the file.
     *
     * @throws StoreException when the file cannot be opened
     */
    public SqliteFeedbackStore(Path file) {
        // sqlite-jdbc unpacks its native library into java.io.tmpdir and fails obscurely when it is missing
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the directory for " + file, e);
        }
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY, service_id TEXT NOT NULL, "
                        + "card_id TEXT NOT NULL, card_type TEXT NOT NULL, outcome TEXT NOT NULL, "
                        + "override_reason TEXT, accepted_suggestions INTEGER NOT NULL, outcome_timestamp TEXT)");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open feedback database " + file, e);
        }
    }

    @Override
    public void save(List<Feedback> entries) {
        synchronized (lock) {
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO feedback (service_id, card_id, "
                        + "card_type, outcome, override_reason, accepted_suggestions, outcome_timestamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (Feedback f : entries) {
                        p.setString(1, f.serviceId());
                        p.setString(2, f.cardId());
                        p.setString(3, f.cardType());
                        p.setString(4, f.outcome());
                        p.setString(5, f.overrideReason());
                        p.setInt(6, f.acceptedSuggestions());
                        p.setString(7, f.outcomeTimestamp());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                rollback();
                throw new StoreException("cannot store " + entries.size() + " feedback entries", e);
            } finally {
                autoCommit();
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one reported
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    @Override
    public List<Count> summary() {
        synchronized (lock) {
            List<Count> out = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT service_id, card_type, outcome, override_reason, COUNT(*) "
                         + "FROM feedback GROUP BY service_id, card_type, outcome, override_reason "
                         + "ORDER BY service_id, card_type, outcome, override_reason")) {
                while (r.next()) {
                    out.add(new Count(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the feedback summary", e);
            }
            return out;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close the feedback database", e);
            }
        }
    }
}
