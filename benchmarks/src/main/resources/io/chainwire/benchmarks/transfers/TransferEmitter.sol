// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @notice Emits ERC-20 Transfer events in bulk, for the backfill and live benchmarks.
contract TransferEmitter {
    event Transfer(address indexed from, address indexed to, uint256 value);

    uint256 private emitted;

    /// @notice Emits `count` Transfer events: senders from a pool of 1000, distinct receivers, growing amounts.
    function emitTransfers(uint256 count) external {
        uint256 first = emitted;
        for (uint256 i = first; i < first + count; i++) {
            address from = address(uint160(0x10000 + i % 1000));
            address to = address(uint160(uint256(keccak256(abi.encode(i)))));
            emit Transfer(from, to, i * 1e15 + 1);
        }
        emitted = first + count;
    }
}
