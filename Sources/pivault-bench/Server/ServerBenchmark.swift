import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultServer

/// `pivault-bench server`: the HTTP API under load from wrk in a second
/// process on loopback — the purpose-bound read endpoint, the collect
/// endpoint and `/healthz` (the ceiling) of the same server, on a vault of
/// 100,000 subjects, each measured for 30 s after a warm-up; then the HTTP
/// side of a read and the vault's read without HTTP, for reference.
struct ServerBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "HTTP read, collect and trivial endpoints under wrk (issue goals: reads ≥ 0.3× trivial and p99 ≤ 20 ms; collect ≥ 3,000/s; server RSS < 150 MB).")

    @Option(help: "Subjects to seed.") var subjects = 100_000
    @Option(help: "Seconds per measured run.") var duration = 30
    @Option(help: "Seconds of warm-up before each measured run.") var warmup = 5
    @Option(help: "wrk threads.") var threads = 2
    @Option(help: "wrk connections.") var connections = 32
    @Option(help: "Server log level (the request log is written at info).") var logLevel = "info"
    @Option(help: "Internal: serve the vault in this folder (the benchmark's server process).") var serveChild: String?
    @Option(help: "Internal: the child's port.") var port = 0

    func run() async throws {
        if let serveChild { return try await serve(directory: serveChild) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            throw ValidationError("wrk is not installed; install Debian's package: apt-get install -y wrk")
        }
        let directory = NSTemporaryDirectory() + "pivault-server-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = MasterKey.generate(version: 1).exportBase64()
        let seeded = try await seed(directory: directory, key: key)
        let port = Self.freePort()
        let child = try launchChild(directory: directory, key: key, port: port)
        defer { if child.isRunning { child.terminate() } }
        try await waitForHealth(port: port)

        let base = "http://127.0.0.1:\(port)"
        let scripts = try writeScripts(directory: directory, token: seeded.token, subject: seeded.ids[0])
        var results: [String: WrkResult] = [:]
        var rss: [String: Double] = [:]
        for (name, path, script) in [("trivial", "/healthz", scripts.trivial), ("read", "/", scripts.read), ("collect", "/", scripts.collect)] {
            results[name] = try measure(base + path, script: script, warmup: warmup, seconds: duration, server: child.processIdentifier)
            rss[name] = Self.residentMiB(pid: child.processIdentifier, field: "VmRSS:")
        }
        let peak = Self.residentMiB(pid: child.processIdentifier, field: "VmHWM:")
        // Reference points for the HTTP side of a read, after the goals' runs so they change none of them.
        let references = try [scripts.me, scripts.refused].map {
            try measure(base + "/", script: $0, warmup: Self.referenceWarmup, seconds: Self.referenceSeconds, server: child.processIdentifier)
        }
        child.interrupt()
        child.waitUntilExit()
        let core = try await readInProcess(directory: directory, key: key, ids: seeded.ids)

        let trivial = results["trivial"]!, read = results["read"]!, collect = results["collect"]!
        print("server benchmark (release, SQLite, \(subjects) subjects; wrk \(threads) threads × \(connections) connections on loopback, \(duration) s after \(warmup) s warm-up; request log at \(logLevel))")
        for (name, result) in [("GET /healthz (ceiling)", trivial), ("POST /v1/subjects/{id}/access", read), ("POST /v1/records", collect)] {
            print("  " + name.padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: "%9.0f req/s   p50 %7.2f ms   p99 %7.2f ms   non-2xx %d   errors %d",
                         result.rate, result.p50, result.p99, result.non2xx, result.socketErrors))
        }
        // Server and client share this machine's cores, so CPU per request says where a rate's limit lies.
        for (name, result) in [("trivial", trivial), ("read", read), ("collect", collect)] {
            print("  CPU per request, " + name.padding(toLength: 8, withPad: " ", startingAt: 0)
                  + String(format: ": server %6.1f µs, wrk %5.1f µs", result.serverMicroseconds, result.clientMicroseconds))
        }
        print(String(format: "  read / trivial: %.2f×  (goal ≥ 0.3×; by server CPU per request %.2f×)   read p99: %.2f ms (goal ≤ 20 ms)",
                     read.rate / trivial.rate, trivial.serverMicroseconds / read.serverMicroseconds, read.p99))
        print(String(format: "  collect: %.0f req/s (goal ≥ 3,000/s)   collect / trivial: %.2f×", collect.rate, collect.rate / trivial.rate))
        print(String(format: "  server RSS: %.0f MiB after trivial, %.0f after read, %.0f after collect; peak %.0f MiB = %.0f MB (goal < 150 MB)",
                     rss["trivial"] ?? 0, rss["read"] ?? 0, rss["collect"] ?? 0, peak, Measure.megabytes(peak)))
        print("  for reference, the HTTP side of a read and the vault's read without it (\(Self.referenceSeconds) s each after \(Self.referenceWarmup) s warm-up):")
        for (name, result) in zip(["GET /v1/me (token, answered from memory)", "POST …/access refused by role (403)"], references) {
            print("    " + name.padding(toLength: 42, withPad: " ", startingAt: 0)
                  + String(format: "%9.0f req/s   server CPU %6.1f µs a request   non-2xx %d", result.rate, result.serverMicroseconds, result.non2xx))
        }
        print("    " + "the vault's read without HTTP".padding(toLength: 42, withPad: " ", startingAt: 0)
              + String(format: "%9.0f reads/s  CPU %6.1f µs a read (this process, the same vault after the server stopped, %d callers)", core.rate, core.microseconds, connections))
        // Both runs saturate the cores that server and wrk share, so rates go inversely with CPU per request.
        // A read costs at least the vault's read plus what /healthz costs, and wrk what it spent on a read.
        let ceiling = (trivial.serverMicroseconds + trivial.clientMicroseconds) / (trivial.serverMicroseconds + core.microseconds + read.clientMicroseconds)
        print(String(format: "  read / trivial if HTTP cost a read no more than /healthz: ≤ %.2f×  ((%.1f + %.1f) / (%.1f + %.1f + %.1f) µs)",
                     ceiling, trivial.serverMicroseconds, trivial.clientMicroseconds, trivial.serverMicroseconds, core.microseconds, read.clientMicroseconds))
    }

    // MARK: Seeding

    func seed(directory: String, key: String) async throws -> (token: String, ids: [String]) {
        try Data(DemoConfiguration.yaml.utf8).write(to: URL(fileURLWithPath: directory + "/pivault.yaml"))
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let launcher = VaultLauncher(configPath: directory + "/pivault.yaml", dataDirectory: directory + "/pivault-data", database: nil,
                                     masterKeyFile: nil, environment: ["PIVAULT_MASTER_KEY": key])
        let vault = try await launcher.open(logger: logger, warn: { _ in })
        try await vault.recordDemoAssessments()
        _ = try await vault.declareEmergency(name: "bench outbreak", legalReference: "bench", purposes: ["contact-tracing"], region: nil, endsAt: nil)
        var people = SyntheticPeople(seed: 7)
        var ids: [String] = []
        ids.reserveCapacity(subjects)
        for start in stride(from: 0, to: subjects, by: 1000) {
            let batch = (start..<min(start + 1000, subjects)).map { _ in
                Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: people.registration())
            }
            ids += try await vault.collect(batch: batch).map(\.subjectID)
        }
        let token = try await APITokens(store: vault.store, configuration: vault.configuration).create(role: "epidemiologist", name: "bench")
        try await vault.close()
        try ids.joined(separator: "\n").appending("\n").write(toFile: directory + "/subjects.txt", atomically: true, encoding: .utf8)
        return (token.secret.reveal(), ids)
    }

    // MARK: The server process

    func serve(directory: String) async throws {
        var logger = Logger(label: "pivault.server", factory: { BufferedLogHandler(label: $0) })
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let environment = ProcessInfo.processInfo.environment
        let launcher = VaultLauncher(configPath: directory + "/pivault.yaml", dataDirectory: directory + "/pivault-data", database: nil,
                                     masterKeyFile: nil, environment: environment)
        let server = ServerConfiguration(host: "127.0.0.1", port: port, rateLimit: .unlimited)
        try await ServeLauncher(vault: launcher, server: server).run(logger: logger, say: { _ in }, warn: { _ in })
    }

    func launchChild(directory: String, key: String, port: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        }
        process.arguments = ["server", "--serve-child", directory, "--port", String(port), "--log-level", logLevel]
        process.environment = ["PIVAULT_MASTER_KEY": key, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func waitForHealth(port: Int) async throws {
        for _ in 0..<200 {
            if Self.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("the server did not answer /healthz within 20 s")
    }

    // MARK: wrk

    struct Scripts {
        var trivial: String
        var read: String
        var collect: String
        /// An authenticated request the server answers from memory.
        var me: String
        /// A read the role may not make: token, body and decoding, then a 403 before the vault.
        var refused: String
    }

    /// Seconds of each reference run, and of the warm-up before it.
    static let referenceSeconds = 10
    static let referenceWarmup = 2

    func writeScripts(directory: String, token: String, subject: String) throws -> Scripts {
        let header = """
            wrk.headers["Authorization"] = "Bearer \(token)"
            wrk.headers["Content-Type"] = "application/json"

            """
        let trivial = "-- GET /healthz\n"
        let read = header + """
            -- One request per subject, formatted once and shuffled per thread: the subjects are read in a
            -- random order with the same spread as drawing one per request, without wrk formatting each
            -- request on the cores the server needs.
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("thread_number", threads)
            end
            local requests = {}
            local position = 0
            function init(args)
              local body = '{"purpose":"contact-tracing"}'
              for line in io.lines("\(directory)/subjects.txt") do
                requests[#requests + 1] = wrk.format("POST", "/v1/subjects/" .. line .. "/access", nil, body)
              end
              math.randomseed(os.time() * 64 + thread_number)
              for i = #requests, 2, -1 do
                local j = math.random(i)
                requests[i], requests[j] = requests[j], requests[i]
              end
            end
            request = function()
              position = position % #requests + 1
              return requests[position]
            end
            """
        let collect = header + #"""
            local counter = 0
            request = function()
              counter = counter + 1
              local body = string.format('{"standard":"epidemic-registration","purpose":"contact-tracing","values":{"name":"Bench %d","resident_id":"11010519491231002X","mobile":"13800138000","address":"Street %d","health_declaration":"none","travel_history":["A","B"]}}', counter, counter)
              return wrk.format("POST", "/v1/records", nil, body)
            end
            """#
        let me = header + """
            wrk.method = "GET"
            wrk.path = "/v1/me"
            """
        // The bench role (epidemiologist) is not granted service-newsletter, so the vault is never reached.
        let refused = header + """
            wrk.method = "POST"
            wrk.path = "/v1/subjects/\(subject)/access"
            wrk.body = '{"purpose":"service-newsletter"}'
            """
        let paths = Scripts(trivial: directory + "/trivial.lua", read: directory + "/read.lua", collect: directory + "/collect.lua",
                            me: directory + "/me.lua", refused: directory + "/refused.lua")
        for (text, path) in [(trivial, paths.trivial), (read, paths.read), (collect, paths.collect), (me, paths.me), (refused, paths.refused)] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return paths
    }

    struct WrkResult {
        var rate = 0.0
        var p50 = 0.0
        var p99 = 0.0
        var non2xx = 0
        var socketErrors = 0
        /// CPU time of the server process, and of wrk, per request of the measured run.
        var serverMicroseconds = 0.0
        var clientMicroseconds = 0.0
    }

    /// A run of wrk after a warm-up, with the CPU the server and wrk each spent per request.
    func measure(_ url: String, script: String, warmup: Int, seconds: Int, server: Int32) throws -> WrkResult {
        _ = try runWrk(url, script: script, seconds: warmup)
        let serverBefore = Self.cpuSeconds(pid: server), clientBefore = Self.childrenCPUSeconds()
        var result = try runWrk(url, script: script, seconds: seconds)
        let requests = max(1, result.rate * Double(seconds))
        result.serverMicroseconds = (Self.cpuSeconds(pid: server) - serverBefore) / requests * 1e6
        result.clientMicroseconds = (Self.childrenCPUSeconds() - clientBefore) / requests * 1e6
        return result
    }

    func runWrk(_ url: String, script: String, seconds: Int) throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments = ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script, url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Self.parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ output: String) -> WrkResult {
        var result = WrkResult()
        for line in output.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.hasPrefix("Requests/sec:"), parts.count > 1 { result.rate = Double(parts[1]) ?? 0 }
            if line.hasPrefix("50%"), parts.count > 1 { result.p50 = milliseconds(String(parts[1])) }
            if line.hasPrefix("99%"), parts.count > 1 { result.p99 = milliseconds(String(parts[1])) }
            if line.hasPrefix("Non-2xx or 3xx responses:"), let last = parts.last { result.non2xx = Int(last) ?? 0 }
            if line.hasPrefix("Socket errors:") {
                result.socketErrors = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
            }
        }
        return result
    }

    static func milliseconds(_ text: String) -> Double {
        for (suffix, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)] where text.hasSuffix(suffix) {
            return (Double(text.dropLast(suffix.count)) ?? 0) * factor
        }
        return Double(text) ?? 0
    }

    /// User and system CPU time of a process so far, from `/proc/PID/stat` (fields 14 and 15, in clock ticks).
    static func cpuSeconds(pid: Int32) -> Double {
        statTicks(pid: pid, fields: 11...12)
    }

    /// CPU time of this process's waited-for children (the wrk runs), user and system: fields 16 and 17 of
    /// `/proc/self/stat`, read like the server's own.
    static func childrenCPUSeconds() -> Double {
        statTicks(pid: getpid(), fields: 13...14)
    }

    /// The sum of some clock-tick fields of `/proc/PID/stat`, in seconds; `fields` counts from the field after
    /// the command name (field 3 is 0).
    private static func statTicks(pid: Int32, fields wanted: ClosedRange<Int>) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        // The command name may hold spaces, so fields are counted after its closing parenthesis.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > wanted.upperBound else { return 0 }
        let ticks = wanted.compactMap { Double(fields[$0]) }.reduce(0, +)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func residentMiB(pid: Int32, field: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    /// Whether something accepts TCP connections on the loopback port (the server binds only once the vault is open).
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) } } == 0
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
