/// The distinct atoms of one query or of a whole rule set. `AtomTable` turns them into
/// the hash table the document scanner probes once per word, however many rules
/// there are.
struct Lexicon: Sendable {
    private(set) var atoms: [Atom] = []
    private var ids: [Atom: Int32] = [:]

    /// The id of `atom`, adding it if new.
    mutating func intern(_ atom: Atom) -> Int32 {
        if let id = ids[atom] { return id }
        let id = Int32(atoms.count)
        atoms.append(atom)
        ids[atom] = id
        return id
    }
}
