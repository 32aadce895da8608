/// A dataset's total privacy budget under basic sequential composition
/// (Dwork & Roth 2014, Thm 3.16): ε and δ of successive queries add up.
public struct PrivacyBudget: Sendable, Codable, Equatable {
    /// Total ε.
    public var epsilon: Double
    /// Total δ.
    public var delta: Double

    /// Creates a budget.
    public init(epsilon: Double, delta: Double = 0) {
        self.epsilon = epsilon
        self.delta = delta
    }

    /// The budget a dataset gets when its first query names none: ε = 1, δ = 1e-5.
    public static let standard = PrivacyBudget(epsilon: 1, delta: 1e-5)
}

/// One query's cost, charged to a dataset.
public struct PrivacyBudgetCharge: Sendable, Codable, Equatable {
    /// The dataset name.
    public var dataset: String
    /// ε spent.
    public var epsilon: Double
    /// δ spent.
    public var delta: Double
    /// What was asked (statistic, grouping column, mechanism) — never a data value.
    public var query: String
    /// The budget to create the dataset with, if it has none yet.
    public var budget: PrivacyBudget?

    /// Creates a charge.
    public init(dataset: String, epsilon: Double, delta: Double, query: String, budget: PrivacyBudget? = nil) {
        self.dataset = dataset
        self.epsilon = epsilon
        self.delta = delta
        self.query = query
        self.budget = budget
    }
}

/// A dataset's budget and what has been spent.
public struct PrivacyBudgetBalance: Sendable, Codable, Equatable {
    /// One recorded query.
    public struct Entry: Sendable, Codable, Equatable {
        /// ε spent.
        public var epsilon: Double
        /// δ spent.
        public var delta: Double
        /// The query's description.
        public var query: String
        /// When it was charged (seconds since 1970, UTC).
        public var at: Double
    }

    /// The dataset name.
    public var dataset: String
    /// The total budget.
    public var budget: PrivacyBudget
    /// Every charged query, oldest first.
    public var entries: [Entry]

    /// Creates a balance.
    public init(dataset: String, budget: PrivacyBudget, entries: [Entry]) {
        self.dataset = dataset
        self.budget = budget
        self.entries = entries
    }

    /// ε spent so far.
    public var spentEpsilon: Double { entries.reduce(0) { $0 + $1.epsilon } }
    /// δ spent so far.
    public var spentDelta: Double { entries.reduce(0) { $0 + $1.delta } }
    /// ε left.
    public var remainingEpsilon: Double { max(0, budget.epsilon - spentEpsilon) }
    /// δ left.
    public var remainingDelta: Double { max(0, budget.delta - spentDelta) }
}

/// Where each dataset's budget and spending are recorded.
///
/// `charge` must be atomic: it either records the query and returns the new
/// balance, or refuses with ``PrivacyError/Code-swift.struct/budgetExhausted``
/// and changes nothing, even when several processes charge at once.
public protocol PrivacyBudgetLedger: Sendable {
    /// Charges a query, refusing it when the remaining budget cannot pay.
    func charge(_ charge: PrivacyBudgetCharge) async throws -> PrivacyBudgetBalance
    /// The current balance, or `nil` for a dataset never charged.
    func balance(dataset: String) async throws -> PrivacyBudgetBalance?
}

extension PrivacyBudgetBalance {
    /// Slack for floating-point sums of ε (0.1 + 0.2 must fit a budget of 0.3).
    static let tolerance = 1e-12

    /// Applies a charge or throws without changing the balance; for ledgers kept elsewhere (e.g. in the vault).
    public mutating func apply(_ charge: PrivacyBudgetCharge, at time: Double) throws {
        if let requested = charge.budget, requested != budget {
            throw PrivacyError(.invalidParameter, "dataset \"\(dataset)\" already has a budget of ε = \(budget.epsilon), δ = \(budget.delta); a budget is fixed when the dataset is first queried")
        }
        let epsilonAfter = spentEpsilon + charge.epsilon
        let deltaAfter = spentDelta + charge.delta
        guard epsilonAfter <= budget.epsilon * (1 + Self.tolerance) + Self.tolerance,
              deltaAfter <= budget.delta * (1 + Self.tolerance) + Self.tolerance * 1e-6 else {
            throw PrivacyError(.budgetExhausted, "dataset \"\(dataset)\" has ε = \(remainingEpsilon), δ = \(remainingDelta) left of ε = \(budget.epsilon), δ = \(budget.delta); this query needs ε = \(charge.epsilon), δ = \(charge.delta). It was refused and nothing was released")
        }
        entries.append(Entry(epsilon: charge.epsilon, delta: charge.delta, query: charge.query, at: time))
    }
}
