import ArgumentParser

extension PIVaultCommand {
    /// Every top-level command, in the order `--help` lists them.
    static let allSubcommands: [any ParsableCommand.Type] = [
        InitCommand.self,
        ConfigCommand.self,
        SubjectCommand.self,
        CollectCommand.self,
        ReadCommand.self,
        TransferCommand.self,
        BiometricCommand.self,
        RecipientsCommand.self,
        NoticeCommand.self,
        ConsentCommand.self,
        RequestsCommand.self,
        ReceiptCommand.self,
        RetentionCommand.self,
        EmergencyCommand.self,
        IncidentCommand.self,
        AnomalyCommand.self,
        ReportCommand.self,
        AssessmentCommand.self,
        KeysCommand.self,
        ImportCommand.self,
        StatusCommand.self,
        ServeCommand.self,
        TokenCommand.self,
        HealthCodeCommand.self,
        LogCommand.self,
        ScanCommand.self,
        RedactCommand.self,
        AnonymizeCommand.self,
        StatsCommand.self,
    ]
}
