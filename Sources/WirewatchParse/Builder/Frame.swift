/// One open element whose text is being collected (feedparser's
/// `elementstack` entry). The text itself is in the builder's `TextArena`,
/// from `start` on; its pieces from `firstPiece` on.
struct Frame {
    let element: String
    let expectingText: Bool
    let start: Int
    let firstPiece: Int

    init(_ element: String, _ expectingText: Bool, start: Int, firstPiece: Int) {
        self.element = element
        self.expectingText = expectingText
        self.start = start
        self.firstPiece = firstPiece
    }
}
