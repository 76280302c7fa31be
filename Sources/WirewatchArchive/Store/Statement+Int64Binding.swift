import GRDB
import GRDBSQLite

/// Runs a statement whose parameters are all integers, bound straight through
/// SQLite's C API. The story keys are written 400 rows (800 integers) per
/// statement and read by the dozen per item; boxing each integer into GRDB's
/// `StatementArguments` (a `DatabaseValue` per value, through a key path) cost
/// as much CPU as SQLite's own B-tree inserts of them: 38 % of the key writes in
/// a profile of the archive benchmark.
///
/// Only for statements used this way and no other (GRDB does not know what
/// was bound to them).
extension Statement {
    /// Binds `values` to parameters 1…n and steps the statement, calling
    /// `row` for each result row with the statement's handle (read columns
    /// with `sqlite3_column_int64`).
    func run<C: Collection>(
        binding values: C, _ db: Database, row: (OpaquePointer) -> Void = { _ in }
    ) throws where C.Element == Int64 {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        var parameter: Int32 = 1
        for value in values {
            let code = sqlite3_bind_int64(handle, parameter, value)
            guard code == SQLITE_OK else { throw failure(code, db) }
            parameter += 1
        }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW {
            row(handle)
            code = sqlite3_step(handle)
        }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code, db) }
    }

    private func failure(_ code: Int32, _ db: Database) -> DatabaseError {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}

