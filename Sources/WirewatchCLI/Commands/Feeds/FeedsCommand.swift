import ArgumentParser

/// `wirewatch feeds list|add|remove`: the config's feeds, edited as text in place.
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List, add or remove the config's feeds.",
        discussion: """
            add and remove edit the config file as text (comments and layout are kept), check \
            the result as `wirewatch check` would, and replace the file atomically. A running \
            daemon applies the change on `systemctl reload wirewatch` (SIGHUP).
            """,
        subcommands: [FeedsListCommand.self, FeedsAddCommand.self, FeedsRemoveCommand.self]
    )
}
