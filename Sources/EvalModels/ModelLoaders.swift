/// The model formats Evalbook reads, tried in order on a file's content.
package enum ModelLoaders {
    package static let all: [Model.Loader] = [xgboost, lightGBM, onnx]

    /// XGBoost JSON models are a JSON object with a `learner`.
    static let xgboost = Model.Loader(
        format: "xgboost", recognises: XGBoostModel.recognises,
        load: { bytes, path throws(ModelError) in
            try XGBoostModel.load(bytes, path: path)
        })

    /// ONNX files are protobuf, starting with field 1 (`ir_version`).
    static let onnx = Model.Loader(
        format: "onnx", recognises: ONNXModel.recognises,
        load: { bytes, path throws(ModelError) in
            try ONNXModel.load(bytes, path: path)
        })

    /// LightGBM text models start with the line `tree`.
    static let lightGBM = Model.Loader(
        format: "lightgbm",
        recognises: { bytes in
            Array(bytes.prefix(5)) == Array("tree\n".utf8) || Array(bytes.prefix(6)) == Array("tree\r\n".utf8)
        },
        load: { bytes, path throws(ModelError) in
            try LightGBMModel.load(String(decoding: bytes, as: UTF8.self), path: path)
        })
}
