import EvalData
import Synchronization
import Testing

@Suite("Parallel")
struct ParallelTests {
    @Test("map returns every result in index order, for any thread count", arguments: [0, 1, 2, 3, 8, 64])
    func mapKeepsIndexOrder(threads: Int) {
        let expected = (0..<1000).map { $0 * $0 - 7 }
        #expect(Parallel.map(1000, threads: threads) { $0 * $0 - 7 } == expected)
    }

    @Test("map with no jobs, or more threads than jobs")
    func mapEdgeCounts() {
        #expect(Parallel.map(0, threads: 4) { $0 }.isEmpty)
        #expect(Parallel.map(1, threads: 4) { $0 + 1 } == [1])
        #expect(Parallel.map(3, threads: 100) { String($0) } == ["0", "1", "2"])
    }

    @Test("map keeps optional results, including nil ones")
    func mapOptionalResults() {
        let results: [Int?] = Parallel.map(10, threads: 3) { $0 % 2 == 0 ? nil : $0 }
        #expect(results == (0..<10).map { $0 % 2 == 0 ? nil : $0 })
    }

    @Test("forEach runs every job exactly once")
    func forEachRunsEachJobOnce() {
        let counts = Mutex([Int](repeating: 0, count: 257))
        Parallel.forEach(257, threads: 4) { i in counts.withLock { $0[i] += 1 } }
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 257))
    }

    @Test("nested maps give the same result as sequential loops")
    func nestedMaps() {
        let grid = Parallel.map(8, threads: 2) { i in Parallel.map(8, threads: 2) { j in i * 8 + j } }
        #expect(grid.flatMap { $0 } == Array(0..<64))
    }
}
