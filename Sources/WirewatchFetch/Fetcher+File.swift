import Foundation

extension Fetcher {
    /// Local files (`file://` URLs and plain paths): read up to the size limit,
    /// no validators, no charset header (the parser sniffs the document).
    func readFile(_ path: String) throws(FetchError) -> FetchResponse {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .file(reason: exists ? "cannot read file" : "no such file", path: path)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: settings.maxBodyBytes + 1) ?? Data()
        } catch {
            throw .file(reason: "cannot read file (\(error.localizedDescription))", path: path)
        }
        if data.count > settings.maxBodyBytes { throw .tooLarge(limit: settings.maxBodyBytes, url: "file://" + path) }
        return FetchResponse(status: 200, body: [UInt8](data), headers: [:], finalURL: "file://" + path)
    }
}
