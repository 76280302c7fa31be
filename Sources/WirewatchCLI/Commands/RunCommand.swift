import ArgumentParser
import Logging
import ServiceLifecycle
import WirewatchConfig
import WirewatchDaemon

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Poll the config's feeds: forever on each feed's interval, or once with --once.",
        discussion: "New alerts are printed on standard output, one line each; logs go to standard error."
    )

    @OptionGroup var configOption: ConfigOption

    @Flag(help: "Poll every feed once, now, and exit (the cron-style run).")
    var once = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        WirewatchLogHandler.bootstrap(level: logLevel)
        let logger = Logger(label: "wirewatch")
        let config = try configOption.load()
        let daemon: Daemon
        do {
            daemon = try Daemon(config: config, logger: logger)
        } catch {
            logger.critical("\(error)")
            throw ExitCode.failure
        }
        let metricsServer = try await MetricsStartup.start(config.metrics, daemon: daemon, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(
                service: PollingService(daemon: daemon, once: once, loadConfig: { [path = config.file] () throws(ConfigErrors) -> Config in
                    try Config.load(path: path)
                }),
                successTerminationBehavior: .gracefullyShutdownGroup
            )],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        do {
            try await group.run()
        } catch {
            logger.error("stopped: \(error)")
        }
        await metricsServer?.stop()
        await daemon.shutdown()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
