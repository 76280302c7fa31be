/// A document scanned once for a lexicon: which atoms occur in which text fields and
/// where, read from the `Scratch` the scan filled (valid until the scratch is reset),
/// plus its normalized values, computed only if an evaluated rule compares values.
/// Every rule of a rule set evaluates against the same one.
struct PreparedDocument {
    let document: RuleDocument
    let fieldMaskPointer: UnsafeMutablePointer<UInt8>
    private let rangeStart: UnsafeMutablePointer<Int32>
    private let rangeEnd: UnsafeMutablePointer<Int32>
    private let postings: UnsafeMutablePointer<UInt32>
    /// Per regex of the program: 0 not run yet on this document, 1 no match, 2 match.
    let regexMemo: UnsafeMutablePointer<UInt8>
    private(set) var values = DocumentValues.empty

    init(_ document: RuleDocument, scratch: Scratch) {
        self.document = document
        fieldMaskPointer = scratch.fieldMask
        rangeStart = scratch.rangeStart
        rangeEnd = scratch.rangeEnd
        postings = scratch.postings.base
        regexMemo = scratch.regexMemo
    }

    /// Normalizes the value fields in `fields` (all when nil); the others stay empty,
    /// so only fields some rule compares are normalized.
    mutating func normalizeValues(_ fields: Set<ValueField>? = nil) {
        values = DocumentValues(document, fields: fields)
    }

    /// `TextFields` bits of the fields `atom` occurs in.
    @inline(__always)
    func fieldMask(_ atom: Int32) -> UInt8 { fieldMaskPointer[Int(atom)] }

    /// Whether `atom` occurs at `position` of the field with index `field`.
    func contains(_ atom: Int32, field: Int, position: Int) -> Bool {
        guard fieldMaskPointer[Int(atom)] & (1 << UInt8(field)) != 0 else { return false }
        let target = DocumentScanner.code(field: field, position: position)
        var low = Int(rangeStart[Int(atom)])
        let end = Int(rangeEnd[Int(atom)])
        var high = end
        while low < high {
            let mid = (low + high) / 2
            if postings[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < end && postings[low] == target
    }

    /// Calls `body` with the positions of `atom` in the field `field`, ascending, until
    /// it returns true; returns whether it did.
    func anyPosition(of atom: Int32, field: Int, _ body: (Int) -> Bool) -> Bool {
        guard fieldMaskPointer[Int(atom)] & (1 << UInt8(field)) != 0 else { return false }
        for index in Int(rangeStart[Int(atom)])..<Int(rangeEnd[Int(atom)]) {
            let code = postings[index]
            let codeField = Int(code >> DocumentScanner.positionBits)
            if codeField < field { continue }
            if codeField > field { break }
            if body(Int(code & DocumentScanner.positionMask)) { return true }
        }
        return false
    }

    /// Whether `atoms` occur as consecutive words starting at `start` of the field.
    func sequence(_ atoms: UnsafeBufferPointer<Int32>, at start: Int, field: Int) -> Bool {
        var offset = 1
        while offset < atoms.count {
            if !contains(atoms[offset], field: field, position: start + offset) { return false }
            offset += 1
        }
        return true
    }

    /// Start positions where `atoms` occur as consecutive words of the field.
    func sequenceStarts(_ atoms: UnsafeBufferPointer<Int32>, field: Int) -> [Int] {
        guard let head = atoms.first else { return [] }
        var starts: [Int] = []
        _ = anyPosition(of: head, field: field) { start in
            if sequence(atoms, at: start, field: field) { starts.append(start) }
            return false
        }
        return starts
    }
}

/// The value fields, normalized like the values of value patterns.
struct DocumentValues {
    var feed: [UInt8]
    var link: [UInt8]
    var language: [UInt8]
    var tags: [[UInt8]]
    var categories: [[UInt8]]
    var covered: [[UInt8]] = []

    static let empty = DocumentValues(feed: [], link: [], language: [], tags: [], categories: [])

    init(feed: [UInt8], link: [UInt8], language: [UInt8], tags: [[UInt8]], categories: [[UInt8]]) {
        self.feed = feed
        self.link = link
        self.language = language
        self.tags = tags
        self.categories = categories
    }

    /// The fields in `fields` (all when nil) normalized; the others empty.
    init(_ document: RuleDocument, fields: Set<ValueField>? = nil) {
        func reads(_ field: ValueField) -> Bool { fields?.contains(field) ?? true }
        feed = reads(.feed) ? ValueText.normalize(document.feed, field: .feed) : []
        link = reads(.link) ? ValueText.normalize(document.link, field: .link) : []
        language = reads(.lang) ? ValueText.normalize(document.language, field: .lang) : []
        tags = reads(.tag) ? document.tags.map { ValueText.normalize($0, field: .tag) } : []
        categories = reads(.category)
            ? document.categories.map { ValueText.normalize($0, field: .category) } : []
        covered = reads(.covered) ? document.coveredTags.map { ValueText.normalize($0, field: .tag) } : []
    }
}
