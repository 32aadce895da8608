import Dispatch

extension PIIScanner {
    /// Scans many texts using up to `concurrency` threads; results are in input order.
    ///
    /// Texts are independent, so throughput grows with the cores available. Each worker takes
    /// contiguous slices of the input.
    public func scan(batch texts: [String], concurrency: Int = 2) -> [[PIISpan]] {
        let workers = max(1, min(concurrency, texts.count))
        guard workers > 1 else { return texts.map { scan($0) } }
        var results = [[PIISpan]](repeating: [], count: texts.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes a disjoint range of the buffer, so sharing it is safe.
            nonisolated(unsafe) let out = buffer
            let chunk = (texts.count + workers - 1) / workers
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let lower = w * chunk
                let upper = min(texts.count, lower + chunk)
                guard lower < upper else { return }
                for k in lower..<upper { out[k] = scan(texts[k]) }
            }
        }
        return results
    }
}
