import ArgumentParser
import Foundation
import PIVault
import PIVaultCore

/// `pivault requests create|list|show|verify|accept|complete|refuse`: rights requests (PIPL Art. 44–50).
struct RequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "File, follow and answer rights requests: access, copy, portability, correction, deletion, withdrawal, explanation, restriction (PIPL Art. 44–50).",
        discussion: "A request moves received → verifying → in_progress → completed | refused. Staff act with --handler; a subject acts with --token from `pivault subject token`.",
        subcommands: [RequestCreateCommand.self, RequestListCommand.self, RequestShowCommand.self, RequestVerifyCommand.self,
                      RequestAcceptCommand.self, RequestCompleteCommand.self, RequestRefuseCommand.self])
}

/// Who acts on the command line: a subject token, or staff.
struct RequestAuthorityOptions: ParsableArguments {
    @Option(help: "Staff member handling the request (a staff id).") var handler: String?
    @Option(help: "A subject token (env PIVAULT_SUBJECT_TOKEN): acts as that subject, on its own requests only.") var token: String?

    var authority: RequestAuthority {
        get throws {
            if let token = token ?? ProcessInfo.processInfo.environment["PIVAULT_SUBJECT_TOKEN"] { return .subjectToken(token) }
            guard let handler else { throw ValidationError("give --handler STAFF-ID, or --token for a subject acting on their own requests") }
            return .staff(handler)
        }
    }

    var staff: String {
        get throws {
            guard let handler else { throw ValidationError("this step is taken by staff: give --handler STAFF-ID") }
            return handler
        }
    }
}

extension RightsRequest.Kind: ExpressibleByArgument {}
extension RightsRequest.Status: ExpressibleByArgument {}
extension RightsRequest.Requester: ExpressibleByArgument {}

struct RequestCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "File a request for a subject.")
    @OptionGroup var options: VaultOptions
    @OptionGroup var who: RequestAuthorityOptions
    @Option(help: "Subject id.") var subject: String
    @Option(help: "access, copy, portability, correction, deletion, withdrawal, explanation or restriction.") var type: RightsRequest.Kind
    @Option(help: "subject, or relative of a deceased subject (PIPL Art. 49).") var requester: RightsRequest.Requester = .subject
    @Option(help: "For a relative: reference to the proof of kinship and interest.") var relativeReference: String?
    @Option(help: "Purpose (withdrawal; restriction of one purpose).") var purpose: String?
    @Option(help: "Record to correct.") var record: String?
    @Option(help: "Corrected values as a JSON object, or - for stdin.") var values: String?
    @Option(help: "Receiving handler named in a portable export.") var recipient: String?
    @Option(help: "Days until due (env PIVAULT_REQUEST_DUE_DAYS; default 15).") var dueDays: Int?
    @Flag(help: "For the subject's own copy or portability export: include their biometric templates (PIPL Art. 45).") var includeBiometricTemplates = false

    func run() async throws {
        let authority = try who.authority
        let corrections = values == nil ? [:] : try CLI.readJSONObject(values)
        let due = dueDays ?? ProcessInfo.processInfo.environment["PIVAULT_REQUEST_DUE_DAYS"].flatMap(Int.init)
        try await runReporting {
            var new = NewRightsRequest(subjectID: subject, kind: type, requester: requester, relativeReference: relativeReference, purpose: purpose,
                                       recordID: record, corrections: corrections, recipient: recipient, dueDays: due)
            new.includeBiometricTemplates = includeBiometricTemplates
            let request = try await options.withVault { vault in try await vault.fileRequest(new, by: authority) }
            try CLI.printJSON(request)
        }
    }
}

struct RequestListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The request queue: one line per request, by due date.")
    @OptionGroup var options: VaultOptions
    @OptionGroup var who: RequestAuthorityOptions
    @Option(help: "Only this status.") var status: RightsRequest.Status?
    @Flag(help: "Only open requests past their due date.") var overdue = false
    @Option(help: "Only this subject's requests.") var subject: String?
    @Flag(help: "Print JSON instead of lines.") var json = false

    func run() async throws {
        let authority = try who.authority
        try await runReporting {
            let requests = try await options.withVault { try await $0.requests(status: status, overdue: overdue, subjectID: subject, by: authority) }
            if json { return try CLI.printJSON(requests) }
            for request in requests {
                print("\(request.id)\t\(request.kind.rawValue)\t\(request.status.rawValue)\t\(request.subjectID)\tdue \(ISODate.formatDateTime(request.dueAt))\(request.overdue ? "\tOVERDUE" : "")")
            }
        }
    }
}

struct RequestShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One request with its history, as JSON.")
    @OptionGroup var options: VaultOptions
    @OptionGroup var who: RequestAuthorityOptions
    @Argument(help: "Request id.") var id: String

    func run() async throws {
        let authority = try who.authority
        try await runReporting { try CLI.printJSON(try await options.withVault { try await $0.request(id, by: authority) }) }
    }
}

struct RequestVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Start verifying the requester (received → verifying).")
    @OptionGroup var options: VaultOptions
    @OptionGroup var who: RequestAuthorityOptions
    @Argument(help: "Request id.") var id: String
    @Option(help: "A note without personal data.") var note: String?

    func run() async throws {
        let handler = try who.staff
        try await runReporting { try CLI.printJSON(try await options.withVault { try await $0.startVerification(id, handler: handler, note: note) }) }
    }
}

struct RequestAcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Identity (or a relative's proof) confirmed: verifying → in_progress.")
    @OptionGroup var options: VaultOptions
    @OptionGroup var who: RequestAuthorityOptions
    @Argument(help: "Request id.") var id: String
    @Option(help: "How it was verified, without personal data (e.g. 'ID card checked at counter 3').") var note: String?

    func run() async throws {
        let handler = try who.staff
        try await runReporting { try CLI.printJSON(try await options.withVault { try await $0.confirmVerification(id, handler: handler, note: note) }) }
    }
}

struct RequestCompleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Fulfil a request in progress; prints the signed receipt and writes the delivered document.")
    @OptionGroup var options: VaultOptions
    @OptionGroup var who: RequestAuthorityOptions
    @Argument(help: "Request id.") var id: String
    @Option(help: "Write the delivered document (report, export, explanation) here; default stdout after the receipt.") var out: String?

    func run() async throws {
        let handler = try who.staff
        try await runReporting {
            let outcome = try await options.withVault { try await $0.completeRequest(id, handler: handler) }
            print(outcome.receipt)
            if let document = outcome.document { try emit(document, to: out) }
        }
    }
}

struct RequestRefuseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refuse", abstract: "Refuse a request with its reason and the rule it rests on (PIPL Art. 50); prints the signed receipt.")
    @OptionGroup var options: VaultOptions
    @OptionGroup var who: RequestAuthorityOptions
    @Argument(help: "Request id.") var id: String
    @Option(help: "Why, in words the requester can act on.") var reason: String
    @Option(help: "The rule, e.g. 'PIPL Art. 47(2)'.") var article: String

    func run() async throws {
        let handler = try who.staff
        try await runReporting { print(try await options.withVault { try await $0.refuseRequest(id, handler: handler, reason: reason, article: article) }.receipt) }
    }
}
