import EvalLang
import Foundation

/// Why a report version (or a file beside it, such as JUnit XML) could not be written.
///
/// The failing call's error or `errno` is kept as it came; only `diagnostic` turns it into words.
package enum StoreError: Error {
    /// A folder on the way to `path` is a file, so `path` cannot be made a folder.
    case blockedByFile(path: String, file: String)
    /// `path` could not be made a folder.
    case cannotCreateFolder(String, underlying: any Error)
    /// The file `path` could not be written.
    case cannotWrite(String, underlying: any Error)
    /// `rename(2)` of a finished file or version onto `path` failed with `errno`.
    case cannotMove(to: String, errno: Int32)
    /// The report folder (or the folder of reports) at `path` is a symbolic link: the store writes only into
    /// folders it resolved itself.
    case symbolicLink(String)
    /// The store's lock file at `path` could not be taken (`errno`).
    case cannotLock(String, errno: Int32)

    /// The finding, at the path that could not be written.
    package var diagnostic: Diagnostic {
        switch self {
        case .blockedByFile(let path, let file):
            .error(
                "cannot create this folder: \(file) is a file, not a folder", file: path,
                help: "write the reports somewhere else, or move the file")
        case .cannotCreateFolder(let path, let underlying):
            .error("cannot create this folder: \(Self.words(underlying))", file: path)
        case .cannotWrite(let path, let underlying):
            .error("cannot write this file: \(Self.words(underlying))", file: path)
        case .cannotMove(let path, let errno):
            .error("cannot move the written files into place: \(String(cString: strerror(errno)))", file: path)
        case .symbolicLink(let path):
            .error(
                "this report folder is a symbolic link; the store writes only into real folders", file: path,
                help: "remove the link, or give the real folder with --reports")
        case .cannotLock(let path, let errno):
            .error("cannot lock the report folder: \(String(cString: strerror(errno)))", file: path)
        }
    }

    /// A file-system error in words: the POSIX reason when Foundation wraps one, since its own message on Linux is a
    /// bare "NSCocoaErrorDomain error 512".
    static func words(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = Int32(exactly: underlying.code)
        {
            return String(cString: strerror(code))
        }
        if error.domain == NSPOSIXErrorDomain, let code = Int32(exactly: error.code) {
            return String(cString: strerror(code))
        }
        return error.localizedDescription
    }
}
