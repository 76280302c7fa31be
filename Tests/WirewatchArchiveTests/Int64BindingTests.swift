import GRDB
import GRDBSQLite
import Testing
@testable import WirewatchArchive

@Suite("Statements bound through SQLite's C API")
struct Int64BindingTests {
    @Test func bindsStepsAndReadsRows() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID")
            let insert = try db.cachedStatement(sql: "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)")
            try insert.run(binding: [Int64.max, 1, -5, 2], db)
            var rows: [[Int64]] = []
            try db.cachedStatement(sql: "SELECT a, b FROM t WHERE a IN (?, ?) ORDER BY a").run(binding: [-5, Int64.max], db) { row in
                rows.append([sqlite3_column_int64(row, 0), sqlite3_column_int64(row, 1)])
            }
            #expect(rows == [[-5, 2], [Int64.max, 1]])
            // The same statement again, rebound: the earlier values do not linger.
            try insert.run(binding: [7, 7, 8, 8], db)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 4)
        }
    }

    @Test func aFailedStepThrowsSQLitesMessage() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER PRIMARY KEY)")
            let insert = try db.cachedStatement(sql: "INSERT INTO t (a) VALUES (?)")
            try insert.run(binding: [1], db)
            #expect {
                try insert.run(binding: [1], db)
            } throws: { error in
                (error as? DatabaseError)?.message?.contains("UNIQUE constraint failed") == true
            }
            #expect {
                try insert.run(binding: [1, 2], db)  // more values than parameters
            } throws: { error in error is DatabaseError }
        }
    }
}
