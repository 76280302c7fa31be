/// The distinct atoms of one query or of a whole rule set, with hash indexes so that
/// each word of a document costs one lookup (plus one per distinct prefix length),
/// however many rules there are.
///
/// This is the seam for a later multi-pattern automaton: anything that turns a
/// document into "which atoms occur where" can replace the lookups in
/// `PreparedDocument` without touching the compiled trees.
struct Lexicon: Sendable {
    private(set) var atoms: [Atom] = []
    private var ids: [Atom: Int32] = [:]
    /// FNV-1a hash of folded bytes → atoms with those bytes (collisions are verified).
    private(set) var exactIndex = AtomIndex()
    private(set) var prefixIndex = AtomIndex()
    /// `isPrefixLength[n]`: some prefix atom is n bytes long.
    private(set) var isPrefixLength: [Bool] = []

    /// The id of `atom`, adding it if new.
    mutating func intern(_ atom: Atom) -> Int32 {
        if let id = ids[atom] { return id }
        let id = Int32(atoms.count)
        atoms.append(atom)
        ids[atom] = id
        let hash = Self.hash(atom.folded)
        if atom.isPrefix {
            prefixIndex.insert(id, hash: hash)
            let length = atom.folded.count
            if isPrefixLength.count <= length {
                isPrefixLength.append(
                    contentsOf: repeatElement(false, count: length + 1 - isPrefixLength.count))
            }
            isPrefixLength[length] = true
        } else {
            exactIndex.insert(id, hash: hash)
        }
        return id
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func hash(_ hash: UInt64, adding byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(hashSeed) { hash($0, adding: $1) }
    }
}
