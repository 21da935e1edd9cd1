import EvalData

/// Reading Parquet, and reading a data file by what its content is.
enum ParquetBuiltins {
    static let family = Family.data

    static let all: [Builtin] = [
        Builtin(
            "read_parquet", family: family, [.required("path"), .option("columns")],
            doc:
                "Read a Parquet file's flat columns into a table (numbers, bools, strings); timestamps and dates become seconds since 1970-01-01 UTC, decimals numbers, binary hex text; nested columns are refused, so pick the others with columns:.",
            example: #"t = read_parquet("notebooks/data/churn.parquet", columns: ["churned", "p_churn_candidate"])"#,
            body: readParquet),
        Builtin(
            "load", family: family, [.required("path"), .option("columns")],
            doc:
                "Read a data file by its content, whatever its name: Parquet (PAR1) with read_parquet, text with read_csv; anything else is named for what it looks like.",
            example: #"t = load("notebooks/data/churn.parquet")"#,
            body: load),
    ]

    static func readParquet(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let path = try args.string("path")
        var options = ParquetOptions(threads: interpreter.session.threads)
        if args.has("columns") { options.columns = try args.strings("columns") }
        let resolved = try interpreter.resolveReadable(path, span: args.span("path"))
        let read: ParquetTable
        do {
            read = try ParquetReader.read(path: resolved, options: options)
        } catch {
            // A column the call asked for is pointed at in `columns:`; anything else at the path.
            let aboutRequest: Bool
            switch error.kind {
            case .unknownColumn, .duplicateColumn, .nestedColumn: aboutRequest = args.has("columns")
            default: aboutRequest = false
            }
            throw .data(DataFileError.parquet(error).naming(path), args.span(aboutRequest ? "columns" : "path"))
        }
        interpreter.session.recordInput(path: path, resolvedPath: resolved)
        for name in read.roundedColumns {
            interpreter.session.warn(
                "column `\(name)` of \(path) holds integers beyond ±2^53, rounded to the nearest number",
                at: args.span("path"))
        }
        return .table(read.table)
    }

    /// `load(path)`: Parquet or CSV by the file's first bytes, never by its name.
    static func load(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let path = try args.string("path")
        let resolved = try interpreter.resolveReadable(path, span: args.span("path"))
        switch DataFileFormat.sniff(path: resolved) {
        case .failure(let error):
            throw .data(error.naming(path), args.span("path"))
        case .success(.parquet):
            return try readParquet(&interpreter, args)
        case .success(.text):
            return try DataBuiltins.readCSV(&interpreter, args)
        case .success(let format):
            throw .data(.unrecognized(file: path, looksLike: format), args.span("path"))
        }
    }
}
