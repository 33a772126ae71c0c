-- argmap's language server in Neovim (0.8 or newer). Put this file in ~/.config/nvim/plugin/,
-- or paste it into init.lua. A *.yaml file beside or below a map.yaml gets diagnostics,
-- completion of claim ids, hover (K), go to definition (gd / <C-]>), references, rename and
-- the outline, through Neovim's own LSP client.
vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    local manifest = vim.fs.find("map.yaml", { upward = true, path = vim.fs.dirname(args.file) })[1]
    if manifest == nil then
      return -- not part of an argmap map
    end
    vim.lsp.start({
      name = "argmap",
      cmd = { "argmap", "lsp" },
      root_dir = vim.fs.dirname(manifest),
    })
  end,
})
