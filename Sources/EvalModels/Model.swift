import Foundation

/// A loaded model file: its name, where it came from, and the format that predicts.
package struct Model: Sendable {
    /// The file name without its extension: how `load_models` and `leaderboard` name it.
    package var name: String
    package var path: String
    package var format: any ModelFormat

    package init(name: String, path: String, format: any ModelFormat) {
        self.name = name
        self.path = path
        self.format = format
    }

    package var info: ModelInfo { format.info }

    /// A format recognised by the first bytes of a file, and how to load it.
    package struct Loader: Sendable {
        package var format: String
        package var recognises: @Sendable ([UInt8]) -> Bool
        package var load: @Sendable ([UInt8], String) throws(ModelError) -> any ModelFormat

        package init(
            format: String, recognises: @escaping @Sendable ([UInt8]) -> Bool,
            load: @escaping @Sendable ([UInt8], String) throws(ModelError) -> any ModelFormat
        ) {
            self.format = format
            self.recognises = recognises
            self.load = load
        }
    }

    /// Reads `path` (shown as `displayPath` in errors) and loads it with the first
    /// loader that recognises its content: the format comes from the bytes, not the
    /// file's extension, so a misnamed file still loads and a wrong one is named.
    package static func load(path: String, displayPath: String, loaders: [Loader]) throws(ModelError) -> Model {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelError(path: displayPath, reason: "the file cannot be read")
        }
        return try load(bytes: [UInt8](data), displayPath: displayPath, loaders: loaders)
    }

    /// Loads a model from its bytes with the first loader that recognises them (`displayPath` names it in errors).
    package static func load(bytes: [UInt8], displayPath: String, loaders: [Loader]) throws(ModelError) -> Model {
        guard !bytes.isEmpty else { throw ModelError(path: displayPath, reason: "the file is empty") }
        guard let loader = loaders.first(where: { $0.recognises(bytes) }) else {
            throw ModelError(
                path: displayPath, reason: "the content is not an XGBoost JSON, LightGBM text or ONNX model")
        }
        let format = try loader.load(bytes, displayPath)
        let name = ((displayPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return Model(name: name, path: displayPath, format: format)
    }

    /// The first non-blank byte, for text formats that are recognised by how they start.
    package static func firstByte(_ bytes: [UInt8]) -> UInt8? {
        bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
    }
}
