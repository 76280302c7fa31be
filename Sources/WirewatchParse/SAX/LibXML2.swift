import CLibXML2

/// libxml2's one-time global initialisation.
enum LibXML2 {
    private static let once: Void = { xmlInitParser() }()
    static func initialize() { _ = once }
}
