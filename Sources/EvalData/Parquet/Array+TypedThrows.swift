extension Array {
    /// `withUnsafeBytes` for a body with a typed error, which the standard library's
    /// version (rethrowing untyped) would erase.
    func withUnsafeBytesTyped<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUnsafeBytes { bytes in
            do throws(E) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

extension Array {
    /// `withUnsafeBufferPointer` for a body with a typed error.
    func withUnsafeBufferPointerTyped<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E)
        -> R
    {
        let result: Result<R, E> = withUnsafeBufferPointer { buffer in
            do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

extension Array {
    /// `withUnsafeMutableBufferPointer` for a body with a typed error.
    mutating func withUnsafeMutableBufferPointerTyped<R, E: Error>(
        _ body: (inout UnsafeMutableBufferPointer<Element>) throws(E) -> R
    ) throws(E) -> R {
        let result: Result<R, E> = withUnsafeMutableBufferPointer { buffer in
            do throws(E) { return .success(try body(&buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
