import ArgumentParser
import WirewatchArchive

struct PinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "Keep an item whatever the retention (`keep`) says; --remove to unpin."
    )

    @OptionGroup var configOption: ConfigOption

    @Argument(help: "The item's id.")
    var id: Int64

    @Flag(help: "Unpin instead.")
    var remove = false

    func run() throws {
        let config = try configOption.load()
        let archive = try Archive(existingAt: config.archivePath)
        guard try archive.setPinned(!remove, item: id) else {
            throw ValidationError("no item \(id) in \(config.archivePath)")
        }
        Terminal.print(remove ? "item \(id) unpinned" : "item \(id) pinned")
    }
}
